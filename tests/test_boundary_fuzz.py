"""Every import boundary gives a record or a ValidationError, whatever it is handed: FHIR responses,
posted forms and XLSForm submissions are fuzzed as ``load_case`` is (many more examples on CI)."""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import os
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from terugkeer import ValidationError
from terugkeer.case import ConsentPurpose, ConsentRecord
from terugkeer.forms import forms
from terugkeer.interop.fhirresponse import from_questionnaire_response, questionnaire_response
from terugkeer.interop.formdata import from_form
from terugkeer.interop.xlsform import from_submission, submission
from terugkeer.testing import LAST_DAY

_EXAMPLES = 3_000 if os.environ.get("CI") else 150
_FUZZ = settings(max_examples=_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)


def _overview1() -> tuple[Any, dict[str, Any]]:
    form = forms("overview1")[0]
    posted: dict[str, Any] = {"assessed_on": "2026-03-02"}
    posted |= {f"ratings[{i}].kind": "unscored" for i in range(19)}
    posted |= {"ratings[1].kind": "scored", "ratings[1].score": "plus3"}
    return form, posted


def _places(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place inside a JSON value, as the keys and indexes that lead there."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _places(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += _places(item, (*path, i))
    return found


def _set(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    target = value
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = new
    return value


def _accepted_or_refused(read: Any, *args: Any) -> None:
    with contextlib.suppress(ValidationError):
        read(*args)


@_FUZZ
@given(data=st.data())
def test_a_mutated_fhir_response_gives_a_record_or_a_validation_error(data: st.DataObject) -> None:
    form, posted = _overview1()
    response = questionnaire_response(form, from_form(form, posted, today=LAST_DAY))
    place = data.draw(st.sampled_from(_places(response)))
    mutated = _set(copy.deepcopy(response), place, data.draw(_JSON))
    _accepted_or_refused(from_questionnaire_response, form, mutated)


@_FUZZ
@given(data=st.data())
def test_a_mutated_form_post_gives_a_record_or_a_validation_error(data: st.DataObject) -> None:
    form, posted = _overview1()
    key = data.draw(st.sampled_from([*posted, "surprise", "ratings[40].kind", "ratings[0]"]))
    value = data.draw(_JSON | st.lists(st.text(max_size=4), max_size=3))
    _accepted_or_refused(from_form, form, {**posted, key: value})


@_FUZZ
@given(data=st.data())
def test_a_mutated_submission_gives_a_record_or_a_validation_error(data: st.DataObject) -> None:
    (form,) = forms("consents")
    xml = submission(form, ConsentRecord(ConsentPurpose.CHECK_INS, "Org", dt.date(2026, 1, 2)))
    encoded = xml.encode("utf-8")
    at = data.draw(st.integers(0, len(encoded)))
    cut = data.draw(st.integers(0, 20))
    inserted = data.draw(
        st.binary(max_size=12)
        | st.sampled_from([b"<", b">", b"&", b"<!DOCTYPE", b"]]>", b"<x>", b"</data>", b"\x00"])
    )
    _accepted_or_refused(from_submission, form, encoded[:at] + inserted + encoded[at + cut :])
