"""Posted form fields in, records out: the one boundary that converts strings."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caseparts import case_parts
from terugkeer import CaseFile, ValidationError
from terugkeer.forms import forms
from terugkeer.interop.formdata import form_values, from_form
from terugkeer.testing import LAST_DAY, case_files
from terugkeer.wellbeing import (
    EmotionExample,
    EmotionExercise,
    IntervisionEntry,
    IntervisionReflection,
    ReactionsReflection,
    SignalsCheck,
    StressSelfCheck,
    WellbeingList,
    items_of,
)

_SLOW = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@_SLOW
@given(case_files())
def test_a_record_shown_as_form_fields_and_posted_back_is_the_same_record(case: CaseFile) -> None:
    for form_id, record in case_parts(case):
        (form,) = forms(form_id)
        posted = form_values(form, record)
        assert all(isinstance(v, str | list) for v in posted.values())
        assert from_form(form, posted, today=LAST_DAY) == record


def _ids(*lists: WellbeingList) -> st.SearchStrategy[str]:
    return st.sampled_from([item.id for item in items_of(*lists)])


def _recognised(*lists: WellbeingList) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(_ids(*lists), unique=True, max_size=6).map(tuple)


_DAYS = st.dates(dt.date(2020, 1, 1), dt.date(2026, 12, 31))
_TEXT = st.text(max_size=20)
_INTERVISION = [wl for wl in WellbeingList if wl.value.startswith("intervision_")]
_WELLBEING_RECORDS = st.one_of(
    st.builds(
        EmotionExercise,
        _DAYS,
        st.lists(
            st.builds(EmotionExample, _ids(WellbeingList.EXERCISE_EMOTION), _TEXT, _TEXT, _TEXT),
            max_size=3,
        ).map(tuple),
    ),
    st.builds(
        SignalsCheck,
        _DAYS,
        _recognised(
            WellbeingList.SIGNAL_GENERAL, WellbeingList.SIGNAL_CLIENT, WellbeingList.SIGNAL_TEAM
        ),
    ),
    st.builds(StressSelfCheck, _DAYS, _recognised(WellbeingList.STRESS_SIGNAL)),
    st.builds(
        ReactionsReflection,
        _DAYS,
        _recognised(WellbeingList.DISTANCE, WellbeingList.INVOLVEMENT),
        _TEXT,
    ),
    st.builds(
        IntervisionReflection,
        _DAYS,
        st.lists(st.builds(IntervisionEntry, _ids(*_INTERVISION), _TEXT), max_size=3).map(tuple),
    ),
)


@_SLOW
@given(_WELLBEING_RECORDS)
def test_the_counsellors_instruments_survive_the_form_too(record: Any) -> None:
    (form,) = (f for f in forms("wellbeing") if f.record is type(record))
    assert from_form(form, form_values(form, record), today=LAST_DAY) == record


def _overview1(**changes: str | list[str]) -> dict[str, str | list[str]]:
    posted: dict[str, str | list[str]] = {"assessed_on": "2026-03-02"}
    posted |= {f"ratings[{i}].kind": "unscored" for i in range(19)}
    return posted | changes


def _problems(form_id: str, posted: dict[str, Any]) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as info:
        from_form(forms(form_id)[0], posted)
    return [(p.path, p.reason) for p in info.value.problems]


def test_posted_strings_are_converted_by_answer_type_and_refused_by_field_path() -> None:
    found = _problems(
        "overview1",
        _overview1(
            **{
                "ratings[1].kind": "scored",
                "ratings[1].score": "2.7",
                "ratings[2].kind": "maybe",
                "time_pressure": "yes",
            }
        ),
    )
    assert ("$.ratings[1].score", "is not one of the choices") in found
    assert ("$.ratings[2].kind", "is not one of the choices") in found
    assert ("$.time_pressure", "must be true or false") in found


def test_an_empty_score_is_no_score_and_the_document_rules_still_apply() -> None:
    posted = _overview1(**{"ratings[4].kind": "scored", "ratings[4].score": ""})
    found = _problems("overview1", posted)  # scored without a score: the loader's own rule
    assert [p for p, _ in found] == ["$.ratings[4].score"]
    kept = from_form(forms("overview1")[0], _overview1(**{"ratings[4].score": ""}))
    assert kept.rating("F05").score is None


def test_every_problem_of_both_steps_comes_at_once() -> None:
    posted = _overview1(assessed_on="2026-02-30", **{"ratings[0].score": "x", "surprise": "1"})
    found = dict(_problems("overview1", posted))
    assert found["$.assessed_on"] == "is not a calendar date"  # the document's check
    assert found["$.ratings[0].score"] == "is not one of the choices"  # the form's
    assert found["$.surprise"] == "is not a field of this form"


def test_a_posted_value_never_appears_in_an_error() -> None:
    secret = "Amira-Haddad-1987"
    posted = _overview1(
        **{"ratings[1].score": secret, "time_pressure": secret, f"{secret}\nx": "1"}
    )
    with pytest.raises(ValidationError) as info:
        from_form(forms("overview1")[0], posted)
    shown = str(info.value) + repr(info.value.problems)
    assert "Amira" not in shown
    assert "$[?]" in shown  # the strange field name is not echoed either


def test_repeats_must_be_numbered_from_zero_without_gaps() -> None:
    posted = {"kind": "physical", "medicines[0].substance": "a", "medicines[2].substance": "b"}
    found = _problems("health", posted)
    assert ("$.medicines", "entries must be numbered from 0 without gaps") in found


def test_a_multi_select_takes_a_list_and_each_value_is_checked() -> None:
    form = forms("context")[0]
    record = from_form(form, {"vulnerable": ["age", "health"]})
    assert [v.value for v in record.vulnerable] == ["age", "health"]
    found = _problems("context", {"vulnerable": ["age", "unknown-thing"]})
    assert found == [("$.vulnerable[1]", "is not one of the choices")]


def test_a_ratings_factor_is_filled_in_by_the_form_and_cannot_be_changed() -> None:
    record = from_form(forms("overview1")[0], _overview1())
    assert [r.factor for r in record.ratings] == [f"F{n:02}" for n in range(1, 20)]
    found = _problems("overview1", _overview1(**{"ratings[3].factor": "F09"}))
    assert [p for p, _ in found] == ["$.ratings[3].factor"]


def test_a_form_shows_only_its_own_record_type() -> None:
    with pytest.raises(TypeError, match="overview2"):
        form_values(forms("overview2")[0], CaseFile("case-1"))


def test_only_a_mapping_of_fields_is_read() -> None:
    with pytest.raises(ValidationError) as info:
        from_form(forms("consents")[0], ["purpose", "check_ins"])  # type: ignore[arg-type]
    assert [p.code for p in info.value.problems] == ["form.shape"]
