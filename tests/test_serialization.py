"""Documents: strict loading, every problem as a path, never a value, versions and migrations."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from terugkeer import Assessment, Rating, ValidationError, dumps, from_document, loads, to_document
from terugkeer.documents.serialization import DOCUMENT_TYPES, MAX_DOCUMENT_BYTES
from terugkeer.factors import AsylumOutcome
from terugkeer.testing import assessments

DAY = dt.date(2026, 3, 2)
SECRET = "Zeynep-0612345678"  # stands in for personal data that must never be echoed


def assessment_doc() -> dict[str, Any]:
    a = Assessment.build(DAY, {"F02": -3, "F05": 2, "F07": None}, asylum_outcome=AsylumOutcome.VA)
    return to_document(a)


def problems(doc: object) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as info:
        loads(json.dumps(doc), Assessment)
    return [(p.path, p.reason) for p in info.value.problems]


def test_a_document_carries_schema_and_version() -> None:
    doc = assessment_doc()
    assert (doc["schema"], doc["version"]) == ("terugkeer/assessment", 3)
    assert doc["assessed_on"] == "2026-03-02"
    assert doc["ratings"][1] == {"factor": "F02", "kind": "scored", "score": -3, "note": ""}
    assert doc["asylum_outcome"] == "va"


@pytest.mark.parametrize("bad", [2.7, 2.0, "2", "+3", True, 0, 4, None, [2]])
def test_no_silent_coercion_of_scores(bad: object) -> None:
    doc = assessment_doc()
    doc["ratings"][4]["score"] = bad
    assert [path for path, _ in problems(doc)] == ["$.ratings[4].score"]


def test_every_problem_is_listed_with_its_path() -> None:
    doc = assessment_doc()
    doc["ratings"][4]["score"] = 2.7
    doc["ratings"][1]["score"] = 0
    doc["ratings"][6]["kind"] = "maybe"
    doc["ratings"][9]["note"] = 12
    doc["assessed_on"] = "2026-02-30"
    doc["unexpected"] = 1
    doc["ratings"][2]["colour"] = "red"
    got = problems(doc)
    assert [path for path, _ in got] == [
        "$.assessed_on",
        "$.ratings[1].score",
        "$.ratings[2].colour",
        "$.ratings[4].score",
        "$.ratings[6].kind",
        "$.ratings[9].note",
        "$.unexpected",
    ]
    assert all(reason for _, reason in got)


def test_errors_never_contain_the_offending_values() -> None:
    doc = assessment_doc()
    doc["ratings"][1]["score"] = SECRET
    doc["ratings"][2]["kind"] = SECRET
    doc["assessed_on"] = SECRET
    doc["asylum_outcome"] = SECRET
    doc["ratings"][3]["factor"] = SECRET
    with pytest.raises(ValidationError) as info:
        loads(json.dumps(doc), Assessment)
    assert len(info.value.problems) == 5
    for shown in (str(info.value), repr(info.value), repr(info.value.problems)):
        assert SECRET not in shown
        assert "Zeynep" not in shown


def test_missing_keys_are_named() -> None:
    doc = assessment_doc()
    del doc["ratings"][3]["kind"]
    del doc["assessed_on"]
    assert [path for path, _ in problems(doc)] == ["$.assessed_on", "$.ratings[3].kind"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("ratings", "F01F02"),
        ("ratings", {"0": {}}),
        ("assessed_on", "2026-3-2"),
        ("assessed_on", "2026-03-02T10:00"),
        ("assessed_on", 20260302),
    ],
)
def test_wrong_json_shapes_are_refused(field: str, value: object) -> None:
    doc = assessment_doc()
    doc[field] = value
    assert [path for path, _ in problems(doc)] == [f"$.{field}"]


def test_a_document_of_another_schema_is_refused() -> None:
    doc = assessment_doc()
    doc["schema"] = "terugkeer/rating"
    assert [path for path, _ in problems(doc)] == ["$.schema"]


def test_a_newer_version_names_both_versions() -> None:
    doc = assessment_doc()
    doc["version"] = 7
    ((path, reason),) = problems(doc)
    assert path == "$.version"
    assert "version 7" in reason and "version 3" in reason


def test_migrations_run_in_order_up_to_the_current_version() -> None:
    """Older documents load through explicit steps vN -> vN+1; a missing step is an error."""
    import terugkeer.documents.serialization as ser

    body = to_document(Rating.scored("F02", 2))
    calls: list[int] = []

    def step(doc: dict[str, Any]) -> dict[str, Any]:
        calls.append(1)
        return doc

    old_types = ser.DOCUMENT_TYPES
    try:
        ser.DOCUMENT_TYPES = {**old_types, Rating: ("terugkeer/rating", 3)}
        migrations = {("terugkeer/rating", 1): step, ("terugkeer/rating", 2): step}
        assert from_document(body, Rating, migrations=migrations) == Rating.scored("F02", 2)
        assert len(calls) == 2
        with pytest.raises(ValidationError) as info:
            from_document(body, Rating, migrations={("terugkeer/rating", 1): step})
        assert info.value.problems[0].path == "$.version"
    finally:
        ser.DOCUMENT_TYPES = old_types


def test_input_over_the_size_limit_is_refused_before_parsing() -> None:
    with pytest.raises(ValidationError) as info:
        loads(b" " * (MAX_DOCUMENT_BYTES + 1), Assessment)
    assert info.value.problems[0].path == "$"


@pytest.mark.parametrize(
    "text",
    ['{"a": 1, "a": 2}', "[NaN]", "not json", b"\xff\xfe\x00", '{"schema": Infinity}', ""],
)
def test_malformed_json_is_a_validation_error(text: str | bytes) -> None:
    with pytest.raises(ValidationError):
        loads(text, Assessment)


def test_dumping_a_non_document_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        dumps(object())


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
        lambda children: st.lists(children) | st.dictionaries(st.text(), children),
        max_leaves=20,
    )
)
def test_arbitrary_json_only_ever_raises_validation_error(value: object) -> None:
    """Bad input never crashes: the only exception is ValidationError."""
    try:
        loads(json.dumps(value), Assessment)
    except ValidationError as err:
        assert err.problems


@given(assessments(), st.data())
def test_arbitrary_mutations_of_a_valid_document_are_reported_as_paths(
    a: Assessment, data: st.DataObject
) -> None:
    doc = to_document(a)
    i = data.draw(st.integers(0, 18))
    doc["ratings"][i]["score"] = data.draw(st.sampled_from([0, 4, -4, 1.5, "1", True, [], {}]))
    with pytest.raises(ValidationError) as info:
        from_document(doc, Assessment)
    assert f"$.ratings[{i}].score" in [p.path for p in info.value.problems]


_INSTRUMENTS = (
    "actionplan",
    "case",
    "casesummary",
    "factors",
    "health",
    "healthfindings",
    "overviews",
    "planning",
    "referral",
    "signals",
    "socialmap",
    "wellbeing",
)


def _imported_after(code: str) -> set[str]:
    """The terugkeer instrument modules a fresh interpreter holds after running ``code``."""
    shown = "import sys; print(' '.join(m for m in sys.modules if m.startswith('terugkeer.')))"
    out = subprocess.run(
        [sys.executable, "-c", f"{code}; {shown}"], capture_output=True, check=True, text=True
    ).stdout.split()
    return {name.removeprefix("terugkeer.") for name in out} & set(_INSTRUMENTS)


def test_the_loader_imports_only_the_instruments_of_what_it_reads() -> None:
    assert _imported_after("import terugkeer; terugkeer.loads; terugkeer.dumps") == set()
    rating = dumps(Rating.scored("F02", -3))
    read = f"import terugkeer.factors as f, terugkeer as t; t.loads({rating!r}, f.Rating)"
    assert _imported_after(read) == {"factors"}  # no action plan, health or signals


def test_document_types_are_found_by_class_without_importing_the_others() -> None:
    assert DOCUMENT_TYPES[Rating] == ("terugkeer/rating", 1)
    assert len(DOCUMENT_TYPES) == len(list(DOCUMENT_TYPES)) > 80
    assert all(isinstance(cls, type) for cls in DOCUMENT_TYPES)
    impostor = type("Rating", (), {"__module__": "terugkeer.factors"})  # same name, not the class
    assert impostor not in DOCUMENT_TYPES and "Rating" not in DOCUMENT_TYPES  # type: ignore[comparison-overlap]
    with pytest.raises(TypeError):
        dumps(impostor())
