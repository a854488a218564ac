"""The counsellor's own wellbeing, the social map and the context vocabulary."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

import attrs
import pytest
from hypothesis import given

from terugkeer import ValidationError, loads, to_document
from terugkeer import wellbeing as wellbeing_module
from terugkeer._fields import spec_of
from terugkeer.context import (
    ClientGroup,
    ProcessPhase,
    ReturnWay,
    VulnerableCharacteristic,
    legal_check_advice,
)
from terugkeer.socialmap import (
    BOOK_MAP_DATE,
    BOOK_SOCIAL_MAP,
    MapEntry,
    MapEntryKind,
    MapGroup,
    SocialMap,
)
from terugkeer.testing import reactions_reflections, stress_self_checks
from terugkeer.wellbeing import (
    SEVERAL_STRESS_SIGNALS,
    WELLBEING_ITEMS,
    EmotionExample,
    IntervisionEntry,
    ReactionsReflection,
    StressSelfCheck,
    WellbeingList,
    items_of,
    reflection_summary,
    stress_advice,
)

DAY = dt.date(2026, 3, 2)


def test_the_lists_have_the_sizes_of_the_book() -> None:
    sizes = Counter(item.list for item in WELLBEING_ITEMS)
    assert sizes == {
        WellbeingList.DISTANCE: 7,
        WellbeingList.INVOLVEMENT: 7,
        WellbeingList.EXERCISE_EMOTION: 12,
        WellbeingList.SIGNAL_GENERAL: 8,
        WellbeingList.SIGNAL_CLIENT: 2,
        WellbeingList.SIGNAL_TEAM: 9,
        WellbeingList.STRESS_SIGNAL: 15,
        WellbeingList.STRESS_ADVICE: 3,
        WellbeingList.PREVENTION_PERSONAL: 3,
        WellbeingList.PREVENTION_PROFESSIONAL: 7,
        WellbeingList.INTERVISION_SOCIETY: 4,
        WellbeingList.INTERVISION_WORK: 5,
        WellbeingList.INTERVISION_PERSON: 8,
        WellbeingList.INTERVISION_CLIENT: 7,
        WellbeingList.CAUSE: 3,
        WellbeingList.ORGANISATION: 5,
    }
    assert len({i.id for i in WELLBEING_ITEMS}) == len(WELLBEING_ITEMS)


class TestStressAdvice:
    """Several (two or more) signals bring the advice of B8; the preventive measures are general
    prevention and are always shown (chapter 6, Bijlagen 7–9)."""

    @given(stress_self_checks())
    def test_the_advice_appears_exactly_with_two_or_more_signals(
        self, check: StressSelfCheck
    ) -> None:
        advice = stress_advice(check)
        several = len(check.recognised) >= SEVERAL_STRESS_SIGNALS == 2
        assert advice.advised is several
        assert bool(advice.advice) is several
        if several:
            assert advice.advice == items_of(WellbeingList.STRESS_ADVICE)
        assert advice.personal_measures == items_of(WellbeingList.PREVENTION_PERSONAL)
        assert advice.professional_measures == items_of(WellbeingList.PREVENTION_PROFESSIONAL)
        assert len(advice.personal_measures) == 3 and len(advice.professional_measures) == 7


def test_a_self_check_takes_only_stress_signals() -> None:
    with pytest.raises(ValidationError) as info:
        StressSelfCheck(DAY, ("W.stress_signal.headache", "W.distance.denial"))
    assert [p.path for p in info.value.problems] == ["$.recognised[1]"]
    with pytest.raises(ValidationError):
        StressSelfCheck(DAY, ("W.stress_signal.headache", "W.stress_signal.headache"))


@given(reactions_reflections())
def test_the_reflection_summary_lists_each_side_and_grades_nothing(
    reflection: ReactionsReflection,
) -> None:
    summary = reflection_summary(reflection)
    assert {i.id for i in (*summary.distance, *summary.involvement)} == set(reflection.recognised)
    assert all(i.list is WellbeingList.DISTANCE for i in summary.distance)
    assert all(i.list is WellbeingList.INVOLVEMENT for i in summary.involvement)
    assert [f.name for f in attrs.fields(type(summary))] == ["distance", "involvement"]


def test_exercise_and_intervision_items_come_from_their_lists() -> None:
    assert EmotionExample("W.exercise_emotion.respect").emotion.endswith("respect")
    with pytest.raises(ValidationError):
        EmotionExample("W.stress_signal.headache")
    assert IntervisionEntry("W.intervision_client.life_history", "it weighs on me").influence
    with pytest.raises(ValidationError):
        IntervisionEntry("W.organisation.show_appreciation")


def test_wellbeing_records_hold_no_client_personal_data() -> None:
    """The counsellor's own instruments (chapter 6, Bijlagen 7–9): no field identifies a client."""
    for name in wellbeing_module.__all__:
        obj = getattr(wellbeing_module, name)
        if isinstance(obj, type) and attrs.has(obj):
            for field in attrs.fields(obj):
                assert not spec_of(field).identifying
                assert "client" not in field.name


def test_the_book_map_is_dated_2017_and_grouped() -> None:
    assert {e.as_of for e in BOOK_SOCIAL_MAP.entries} == {BOOK_MAP_DATE}
    assert BOOK_MAP_DATE.year == 2017
    assert {e.group for e in BOOK_SOCIAL_MAP.entries} == set(MapGroup)
    assert [e.name for e in BOOK_SOCIAL_MAP.in_group(MapGroup.UNACCOMPANIED_MINORS)] == [
        "Nidos",
        "Beyond Borders",
    ]


def test_replacing_or_extending_the_map_is_one_call() -> None:
    own = MapEntry(
        "Our local help desk",
        MapEntryKind.ORGANISATION,
        MapGroup.RETURN_GUIDANCE,
        "https://helpdesk.example.org/return",
        dt.date(2026, 11, 1),
    )
    assert BOOK_SOCIAL_MAP.replaced([own]).entries == (own,)
    assert BOOK_SOCIAL_MAP.extended([own]).entries[-1] == own
    with pytest.raises(ValidationError):
        BOOK_SOCIAL_MAP.extended(["not an entry"])  # type: ignore[list-item]


@pytest.mark.parametrize(
    "url", ["www.example.org", "ftp://example.org", "https://", "javascript:x"]
)
def test_a_bad_url_is_a_validation_error(url: str) -> None:
    with pytest.raises(ValidationError) as info:
        MapEntry("X", MapEntryKind.ORGANISATION, MapGroup.RETURN_GUIDANCE, url, DAY)
    assert [p.path for p in info.value.problems] == ["$.url"]


def test_an_organisations_own_list_loads_from_json_with_paths() -> None:
    doc = to_document(SocialMap((BOOK_SOCIAL_MAP.entries[5],)))
    doc["entries"].append({**doc["entries"][0], "url": "not a url"})
    with pytest.raises(ValidationError) as info:
        loads(json.dumps(doc), SocialMap)
    assert [p.path for p in info.value.problems] == ["$.entries[1].url"]


def test_context_vocabulary() -> None:
    assert [p.number for p in ProcessPhase] == [1, 2, 3, 4, 5]
    assert {w.value for w in ReturnWay} == {"independent", "assisted", "forced"}
    assert {g.value for g in ClientGroup} == {"asylum_seeker", "refugee", "undocumented"}
    assert len(VulnerableCharacteristic) == 6


def test_any_vulnerable_characteristic_calls_for_a_legal_check() -> None:
    assert not legal_check_advice([]).needed
    for characteristic in VulnerableCharacteristic:
        advice = legal_check_advice([characteristic])
        assert advice.needed
        assert advice.because == (characteristic,)
        assert "§3.3" in advice.rule
