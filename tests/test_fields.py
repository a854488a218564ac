"""Each field declared once: one spec per field, read by every walker of the records."""

from __future__ import annotations

import json
import typing
from typing import Any

import attrs
import pytest
from hypothesis import given

from terugkeer import ValidationError, loads
from terugkeer._fields import KEY, Spec, spec_of
from terugkeer.actionplan import ActivityUpdate, Monitoring
from terugkeer.case import CaseFile
from terugkeer.documents.converter import structure
from terugkeer.documents.schema import json_schema
from terugkeer.documents.serialization import DOCUMENT_TYPES, dumps
from terugkeer.forms import all_forms
from terugkeer.testing import records


def _record_classes() -> list[type]:
    """Every record class a document can hold."""
    found: dict[type, None] = {}
    todo = list(DOCUMENT_TYPES)
    while todo:
        cls = todo.pop()
        if cls in found or not attrs.has(cls):
            continue
        found[cls] = None
        for hint in typing.get_type_hints(cls).values():
            todo += [a for a in (hint, *_args(hint)) if isinstance(a, type) and attrs.has(a)]
    return list(found)


def _args(hint: Any) -> list[Any]:
    args = list(typing.get_args(hint))
    for a in list(args):
        args += _args(a)
    return args


FIELDS = [(cls, f) for cls in _record_classes() for f in attrs.fields(cls)]


def test_the_walk_finds_the_records() -> None:
    assert len(_record_classes()) >= len(DOCUMENT_TYPES) and len(FIELDS) > 300


@pytest.mark.parametrize(("cls", "field"), FIELDS, ids=lambda v: getattr(v, "__name__", None))
def test_every_field_is_described_by_its_spec_alone(cls: type, field: Any) -> None:
    """No field keeps a description of its own beside the spec (a schema fragment, a flag)."""
    assert set(field.metadata) <= {KEY}, f"{cls.__name__}.{field.name}"
    assert isinstance(spec_of(field), Spec)


def test_the_bounds_of_a_field_are_read_by_the_schema_the_forms_and_the_checks() -> None:
    months = spec_of(attrs.fields(Monitoring).months)
    assert (months.minimum, months.maximum) == (0, 120)
    schema = json_schema(CaseFile)["$defs"]["Monitoring"]["properties"]["months"]
    assert (schema["minimum"], schema["maximum"]) == (0, 120)
    item = next(i for form in all_forms() for i in form.walk() if i.field == "Monitoring.months")
    assert (item.minimum, item.maximum) == (0, 120)
    with pytest.raises(ValidationError) as info:
        Monitoring(months=121)
    assert [(p.path, p.code, p.params) for p in info.value.problems] == [
        ("$.months", "number.out_of_range", {"min": "0", "max": "120"})
    ]
    assert info.value.problems[0].reason == "must be between 0 and 120"


@pytest.mark.parametrize("fast", [True, False])
@pytest.mark.parametrize(
    ("field", "value"), [("appointment", -1), ("activity", 0), ("activity", 101)]
)
def test_a_bound_is_refused_the_same_way_on_both_reading_paths(
    fast: bool, field: str, value: int
) -> None:
    body = {"appointment": 0, "activity": 1, "status": "done", "on": "2026-03-02", "reason": ""}
    with pytest.raises(ValidationError) as info:
        structure({**body, field: value}, ActivityUpdate, fast=fast)
    assert [p.path for p in info.value.problems] == [f"$.{field}"]
    bound = "number.out_of_range"  # both have a lowest and a highest number
    assert info.value.problems[0].code == bound


@given(records(Monitoring))
def test_the_strategies_keep_to_the_bounds(monitoring: Monitoring) -> None:
    assert monitoring.months is None or 0 <= monitoring.months <= 120


def test_a_document_out_of_bounds_names_the_path_never_the_value() -> None:
    doc = json.loads(dumps(CaseFile("c-1")))
    doc["revision"] = -7
    with pytest.raises(ValidationError) as info:
        loads(json.dumps(doc), CaseFile)
    assert [p.path for p in info.value.problems] == ["$.revision"]
    assert "-7" not in str(info.value)


@pytest.mark.parametrize(
    ("spec", "value"),
    [
        (Spec(minimum=0), -1),
        (Spec(minimum=1), 0),
        (Spec(maximum=9), 10),
        (Spec(minimum=1, maximum=9), 0),
    ],
)
def test_every_bound_a_spec_refuses_is_a_coded_problem(spec: Spec, value: int) -> None:
    from terugkeer.errors import Problem

    found = spec.out_of_bounds(value)
    assert found is not None
    problem = Problem("$.n", *found)  # a code and parameters the catalogue has
    assert problem.code == ("number.negative" if spec.minimum == 0 else "number.out_of_range")
    assert str(value) not in problem.params.values() and str(value) not in problem.reason
